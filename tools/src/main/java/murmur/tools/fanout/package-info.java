/** {@code murmur bench fanout}: post dissemination down the follower tree against one send per follower. */
package murmur.tools.fanout;
