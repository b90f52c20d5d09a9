package dev.rustwheel.binary.macho;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to change in every slice of a Mach-O file, as {@code install_name_tool} options say it.
 *
 * @param changes      {@code -change old new}: install names of linked libraries to replace
 * @param id           {@code -id}: the library's new own install name
 * @param deleteRpaths {@code -delete_rpath}: rpaths to remove (absent ones are ignored)
 * @param addRpaths    {@code -add_rpath}: rpaths to append (present ones are not added twice)
 */
public record MachOEdits(Map<String, String> changes, Optional<String> id, List<String> deleteRpaths,
        List<String> addRpaths) {

    public MachOEdits {
        changes = Map.copyOf(changes);
        deleteRpaths = List.copyOf(deleteRpaths);
        addRpaths = List.copyOf(addRpaths);
    }

    public static MachOEdits changes(Map<String, String> changes) {
        return new MachOEdits(changes, Optional.empty(), List.of(), List.of());
    }
}
