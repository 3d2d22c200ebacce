/**
 * A signed-in user: {@link murmur.timeline.session.AccountService} registers and logs in, and a
 * {@link murmur.timeline.session.UserSession} is one user's timeline, follows, presence and notifications while
 * signed in, with the follow notices that arrive over the peer link.
 */
package murmur.timeline.session;
