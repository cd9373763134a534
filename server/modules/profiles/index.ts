/**
 * Partner profiles and the contact funnel: offers and requests reviewed by an agency before they
 * are published, anonymous when their authors wish, found across German, Italian and English; and
 * contacts from an expression of interest through brokering, meeting and follow-up rating to the
 * project or grant that came of it.
 */

export { defaultAgencyId } from './agencies';
export { contactRoutes } from './contacts.routes';
export { createContact, getContact, listContacts } from './contacts.service';
export { FOLLOW_UP_WEEKS, transitionContact } from './contacts.transitions';
export { matchingDashboard } from './dashboard.service';
export { createProfile, updateProfile } from './profiles.editing';
export { profileRoutes } from './profiles.routes';
export { getProfile, listProfiles, profileAccessSql } from './profiles.service';
export { renewProfile, reviewProfile, submitProfile, withdrawProfile } from './profiles.steps';
export { partnerContactEvents, partnerContacts, partnerProfiles } from './profiles.table';
