package dev.rustwheel.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.cargo.CargoLineLevels.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class CargoLineLevelsTest {

    @Test
    void diagnosticsKeepTheirLevelUntilTheNextStatusLine() {
        List<String> lines = List.of(
                "   Compiling demo v0.1.0 (/src/demo)",
                "warning: unused variable: `x`",
                " --> src/lib.rs:2:9",
                "  |",
                "2 |     let x = 1;",
                "  |         ^ help: if this is intentional, prefix it with an underscore: `_x`",
                "  = note: `#[warn(unused_variables)]` on by default",
                "",
                "error[E0425]: cannot find value `y` in this scope",
                " --> src/lib.rs:3:5",
                "For more information about this error, try `rustc --explain E0425`.",
                "warning: `demo` (lib) generated 1 warning",
                "error: could not compile `demo` (lib) due to 1 previous error; 1 warning emitted",
                "    Finished `release` profile [optimized] target(s) in 0.52s");
        List<Level> expected = List.of(Level.INFO, Level.WARNING, Level.WARNING, Level.WARNING, Level.WARNING,
                Level.WARNING, Level.WARNING, Level.WARNING, Level.ERROR, Level.ERROR, Level.ERROR, Level.WARNING,
                Level.ERROR, Level.INFO);
        CargoLineLevels levels = new CargoLineLevels();
        assertEquals(expected, lines.stream().map(levels::of).toList());
    }
}
