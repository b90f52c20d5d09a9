package dev.rustwheel.staging;

import java.util.List;

/**
 * The Cargo.toml {@code [package]} fields a wheel's metadata falls back to, as {@code cargo metadata} resolved them
 * (workspace inheritance included). Any field may be null or empty.
 *
 * @param readme      relative to the crate directory, as Cargo.toml gives it
 * @param licenseFile relative to the crate directory, as Cargo.toml gives it
 */
public record CrateMetadata(String description, List<String> authors, String license, String licenseFile,
                            String homepage, String repository, String documentation, String readme,
                            List<String> keywords) {

    public static final CrateMetadata EMPTY = new CrateMetadata(null, List.of(), null, null, null, null, null, null,
            List.of());

    public CrateMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
