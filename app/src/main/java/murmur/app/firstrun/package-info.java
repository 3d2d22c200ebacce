/**
 * The first start of an installed app that knows no bootstrap node: {@link murmur.app.firstrun.FirstRunView} asks
 * for one ({@code host:port}); {@link murmur.app.firstrun.FirstRunViewModel} checks the address, asks the node
 * whether it answers ({@link murmur.app.firstrun.SeedCheck}; {@link murmur.app.firstrun.DhtSeedCheck} pings it over
 * the DHT), says in words what is wrong when it does not, and saves it in the user's settings file when it does.
 */
package murmur.app.firstrun;
