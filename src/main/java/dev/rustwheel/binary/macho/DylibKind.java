package dev.rustwheel.binary.macho;

import java.util.Arrays;
import java.util.Optional;

/** How a slice refers to a library it links: each kind is a load command that the loader resolves. */
public enum DylibKind {
    LOAD(LoadCommand.LOAD_DYLIB, "LC_LOAD_DYLIB"),
    WEAK(LoadCommand.LOAD_WEAK_DYLIB, "LC_LOAD_WEAK_DYLIB"),
    REEXPORT(LoadCommand.REEXPORT_DYLIB, "LC_REEXPORT_DYLIB"),
    LAZY(LoadCommand.LAZY_LOAD_DYLIB, "LC_LAZY_LOAD_DYLIB"),
    UPWARD(LoadCommand.LOAD_UPWARD_DYLIB, "LC_LOAD_UPWARD_DYLIB");

    private final int command;
    private final String commandName;

    DylibKind(int command, String commandName) {
        this.command = command;
        this.commandName = commandName;
    }

    public int command() {
        return command;
    }

    public String commandName() {
        return commandName;
    }

    static Optional<DylibKind> of(int command) {
        return Arrays.stream(values()).filter(k -> k.command == command).findFirst();
    }
}
