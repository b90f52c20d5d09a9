package dev.rustwheel.audit.linux;

import java.nio.file.Path;

/** A file imports {@code symbol} from {@code library}, which some systems of the policy do not provide. */
public record BlacklistHit(Path file, String library, String symbol) {

    public String describe() {
        return symbol + " from " + library + " (imported by " + file + ")";
    }
}
