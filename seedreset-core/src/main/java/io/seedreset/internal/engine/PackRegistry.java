package io.seedreset.internal.engine;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.SeedPack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The packs this instance knows: explicitly registered ones and those ServiceLoader finds. */
public final class PackRegistry {

    private final Map<String, SeedPack> packs = new TreeMap<>();

    public PackRegistry(List<SeedPack> registered, boolean discover) {
        List<SeedPack> all = new ArrayList<>(registered);
        if (discover) {
            ServiceLoader.load(SeedPack.class).forEach(all::add);
        }
        for (SeedPack pack : all) {
            PackDescriptor descriptor = pack.descriptor();
            SeedPack previous = packs.putIfAbsent(descriptor.id(), pack);
            if (previous != null && previous.getClass() != pack.getClass()) {
                throw new SeedResetException(Reason.INVALID_CONFIGURATION, "two packs share the id '" + descriptor.id() + "': "
                        + previous.getClass().getName() + " and " + pack.getClass().getName());
            }
        }
        for (SeedPack pack : packs.values()) {
            for (String required : pack.descriptor().requires()) {
                if (!packs.containsKey(required)) {
                    throw new SeedResetException(Reason.INVALID_CONFIGURATION, "pack '" + pack.descriptor().id() + "' requires pack '" + required
                            + "', which is not installed");
                }
            }
        }
    }

    public Collection<SeedPack> all() {
        return packs.values();
    }

    public java.util.Optional<SeedPack> find(String id) {
        return java.util.Optional.ofNullable(packs.get(id));
    }

    public SeedPack require(String id) {
        SeedPack pack = packs.get(id);
        if (pack == null) {
            throw new SeedResetException(Reason.UNKNOWN_PACK, "unknown pack '" + id + "' (installed: "
                    + (packs.isEmpty() ? "none" : String.join(", ", packs.keySet())) + ")", Map.of(SeedResetException.PACK, String.valueOf(id)));
        }
        return pack;
    }
}
