package dev.rustwheel.audit.linux;

import dev.rustwheel.audit.ExternalLibrary;
import java.util.List;

/**
 * How the audited files fare against one policy, criterion by criterion (the architecture criterion is met by
 * every verdict there is: policies without the architecture get none).
 *
 * @param policy       the policy
 * @param platformTags its tags for the files' architecture, canonical name first
 * @param tooRecent    symbol versions the policy does not allow, of the files and of the libraries to be grafted
 * @param blacklisted  imports of symbols the policy's systems may lack
 * @param toGraft      needed libraries outside the policy's whitelist
 */
public record PolicyVerdict(Policy policy, List<String> platformTags, List<VersionUse> tooRecent,
        List<BlacklistHit> blacklisted, List<ExternalLibrary> toGraft) {

    public PolicyVerdict {
        platformTags = List.copyOf(platformTags);
        tooRecent = List.copyOf(tooRecent);
        blacklisted = List.copyOf(blacklisted);
        toGraft = List.copyOf(toGraft);
    }

    /** Whether the files can carry this tag once the libraries in {@link #toGraft} travel with them. */
    public boolean compliant() {
        return tooRecent.isEmpty() && blacklisted.isEmpty();
    }

    /** Whether the files can carry this tag as they are. */
    public boolean passes() {
        return compliant() && toGraft.isEmpty();
    }
}
