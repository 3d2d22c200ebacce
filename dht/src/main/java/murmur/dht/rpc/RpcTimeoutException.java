package murmur.dht.rpc;

import java.net.InetSocketAddress;

/** No answer from a node in time, or it could not be reached at all. */
public final class RpcTimeoutException extends RuntimeException {
    public RpcTimeoutException(InetSocketAddress to, String what) {
        super(what + " to " + to.getHostString() + ":" + to.getPort(), null, false, false);
    }
}
