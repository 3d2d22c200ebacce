/**
 * A user's profile (posts, followers and following with online dots, Follow / Unfollow) and finding users by name:
 * {@link murmur.app.profile.ProfileViewModel}, {@link murmur.app.profile.SearchViewModel} and their views.
 */
package murmur.app.profile;
