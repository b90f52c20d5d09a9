package dev.rustwheel.staging;

/** What cargo built: a C dynamic library (the extension module) or an executable. Spelled as cargo spells it. */
public enum ArtifactKind {
    CDYLIB("cdylib"),
    BIN("bin");

    private final String cargoName;

    ArtifactKind(String cargoName) {
        this.cargoName = cargoName;
    }

    /** @throws IllegalArgumentException for a crate type rustwheel does not package */
    public static ArtifactKind of(String cargoName) {
        for (ArtifactKind kind : values()) {
            if (kind.cargoName.equals(cargoName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a packaged crate type: " + cargoName);
    }

    /** {@code cdylib} or {@code bin}: the manifest's spelling, the staging subdirectory, and what messages say. */
    @Override
    public String toString() {
        return cargoName;
    }
}
