package dev.aether.titan.ws;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.titan.Auth;

/** A service only admins may see or use: anonymous callers must not learn it exists. */
@Service("vault@1.0.0")
@Auth(roles = "admin")
public final class VaultService {
    @Public
    public String open() {
        return "gold";
    }
}
