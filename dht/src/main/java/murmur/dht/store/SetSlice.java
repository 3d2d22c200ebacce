package murmur.dht.store;

import java.util.List;
import murmur.dht.SetEntry;

/** A page of a set as a store holds it: entries in writer-id order, and whether more follow. */
public record SetSlice(List<SetEntry> entries, boolean more) {}
