/**
 * Who to follow: users followed by the people one follows, ranked by how many
 * ({@link murmur.app.suggest.WhoToFollowViewModel}); on a new account, the people the network introduces.
 */
package murmur.app.suggest;
