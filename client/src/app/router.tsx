import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/auth/account-page';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { CreateOrganisationPage } from '../features/organisations/create-organisation-page';
import { DirectoryPage } from '../features/organisations/directory-page';
import { EditOrganisationPage } from '../features/organisations/edit-organisation-page';
import { OrganisationPage } from '../features/organisations/organisation-page';
import { OverviewPage } from '../features/organisations/overview-page';
import { ForumListPage } from '../features/forums/forum-list-page';
import { ForumPage } from '../features/forums/forum-page';
import { ModerationPage } from '../features/forums/moderation-page';
import { SearchPage } from '../features/forums/search-page';
import { ThreadPage } from '../features/forums/thread-page';
import { EditGrantCallPage, NewGrantCallPage } from '../features/grants/grant-call-form';
import { GrantCallPage } from '../features/grants/grant-call-page';
import { GrantListPage } from '../features/grants/grant-list-page';
import { GrantPartnersPage } from '../features/grants/partners-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { BookingPage } from '../features/premises/booking-page';
import { BookingsPage } from '../features/premises/bookings-page';
import { EditPremisesPage, NewPremisesPage } from '../features/premises/premises-edit-pages';
import { PremisesPage } from '../features/premises/premises-page';
import { PremisesSearchPage } from '../features/premises/premises-search-page';
import { WantedPage } from '../features/premises/wanted-page';
import { AccessibilityPage } from '../features/pages/accessibility-page';
import { HomePage } from '../features/pages/home-page';
import { NotFoundPage } from '../features/pages/not-found-page';
import { ReferenceAdminPage } from '../features/reference/reference-admin-page';
import { UsersAdminPage } from '../features/users/users-admin-page';
import { RequireUser } from './guards';
import { Layout } from './layout';
import { RouteError } from './route-error';

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'organisationer', element: <DirectoryPage /> },
            {
              path: 'organisationer/ny',
              element: (
                <RequireUser>
                  <CreateOrganisationPage />
                </RequireUser>
              ),
            },
            { path: 'organisationer/:slug', element: <OrganisationPage /> },
            {
              path: 'organisationer/:slug/redigera',
              element: (
                <RequireUser>
                  <EditOrganisationPage />
                </RequireUser>
              ),
            },
            { path: 'oversikt', element: <OverviewPage /> },
            { path: 'logga-in', element: <SignInPage /> },
            { path: 'skapa-konto', element: <SignUpPage /> },
            { path: 'glomt-losenord', element: <ForgotPasswordPage /> },
            { path: 'aterstall-losenord', element: <ResetPasswordPage /> },
            {
              path: 'konto',
              element: (
                <RequireUser>
                  <AccountPage />
                </RequireUser>
              ),
            },
            {
              path: 'samordning/referensdata',
              element: (
                <RequireUser roles={['coordinator', 'admin']}>
                  <ReferenceAdminPage />
                </RequireUser>
              ),
            },
            {
              path: 'admin/anvandare',
              element: (
                <RequireUser roles={['admin']}>
                  <UsersAdminPage />
                </RequireUser>
              ),
            },
            { path: 'forum', element: <ForumListPage /> },
            { path: 'forum/sok', element: <SearchPage /> },
            { path: 'forum/:slug', element: <ForumPage /> },
            { path: 'forum/:slug/:threadId', element: <ThreadPage /> },
            {
              path: 'samordning/moderering',
              element: (
                <RequireUser roles={['coordinator', 'admin']}>
                  <ModerationPage />
                </RequireUser>
              ),
            },
            {
              path: 'aviseringar',
              element: (
                <RequireUser>
                  <NotificationsPage />
                </RequireUser>
              ),
            },
            { path: 'lokaler', element: <PremisesSearchPage /> },
            { path: 'lokaler/sokes', element: <WantedPage /> },
            {
              path: 'lokaler/ny',
              element: (
                <RequireUser>
                  <NewPremisesPage />
                </RequireUser>
              ),
            },
            {
              path: 'lokaler/bokningar',
              element: (
                <RequireUser>
                  <BookingsPage />
                </RequireUser>
              ),
            },
            {
              path: 'lokaler/bokningar/:id',
              element: (
                <RequireUser>
                  <BookingPage />
                </RequireUser>
              ),
            },
            { path: 'lokaler/:id', element: <PremisesPage /> },
            {
              path: 'lokaler/:id/redigera',
              element: (
                <RequireUser>
                  <EditPremisesPage />
                </RequireUser>
              ),
            },
            { path: 'bidrag', element: <GrantListPage /> },
            { path: 'bidrag/partner', element: <GrantPartnersPage /> },
            {
              path: 'bidrag/ny',
              element: (
                <RequireUser>
                  <NewGrantCallPage />
                </RequireUser>
              ),
            },
            { path: 'bidrag/:id', element: <GrantCallPage /> },
            {
              path: 'bidrag/:id/redigera',
              element: (
                <RequireUser>
                  <EditGrantCallPage />
                </RequireUser>
              ),
            },
            { path: 'tillganglighet', element: <AccessibilityPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
