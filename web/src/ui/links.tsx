import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef } from 'react';

interface AnchorLinkBaseProps
  extends Omit<AnchorProps, 'component'>,
    Omit<React.ComponentPropsWithoutRef<'a'>, 'color' | 'style'> {}

const AnchorLinkBase = forwardRef<HTMLAnchorElement, AnchorLinkBaseProps>((props, ref) => (
  <Anchor ref={ref} component="a" {...props} />
));
AnchorLinkBase.displayName = 'AnchorLinkBase';

const AnchorLinkCreated = createLink(AnchorLinkBase);

/** A Mantine Anchor that navigates with the router (typed `to`, `params`, `search`). */
export const AnchorLink: LinkComponent<typeof AnchorLinkBase> = (props) => (
  <AnchorLinkCreated preload="intent" {...props} />
);

interface ButtonLinkBaseProps
  extends Omit<ButtonProps, 'component'>,
    Omit<React.ComponentPropsWithoutRef<'a'>, 'color' | 'style'> {}

const ButtonLinkBase = forwardRef<HTMLAnchorElement, ButtonLinkBaseProps>((props, ref) => (
  <Button ref={ref} component="a" {...props} />
));
ButtonLinkBase.displayName = 'ButtonLinkBase';

const ButtonLinkCreated = createLink(ButtonLinkBase);

/** A Mantine Button rendered as a router link. */
export const ButtonLink: LinkComponent<typeof ButtonLinkBase> = (props) => (
  <ButtonLinkCreated preload="intent" {...props} />
);
