package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.InvalidDistributionNameException;
import org.junit.jupiter.api.Test;

class CoreMetadataTest {

    @Test
    void rendersTheRequiredFieldsKeepingTheNameAsSpelled() throws InvalidDistributionNameException {
        assertEquals("Metadata-Version: 2.4\nName: FastParse_Py\nVersion: 1.2.0a1\n",
                CoreMetadata.of(DistributionName.of("FastParse_Py"), "1.2.0a1").render());
    }

    @Test
    void rendersOptionalFieldsInSpecOrderWhateverOrderTheyWereSet() throws InvalidDistributionNameException {
        CoreMetadata metadata = CoreMetadata.builder(DistributionName.of("fastparse"), "1.2.0")
                .requiresPython(">=3.9")
                .summary("Fast parsing — in Rust")
                .build();
        assertEquals("Metadata-Version: 2.4\n"
                + "Name: fastparse\n"
                + "Version: 1.2.0\n"
                + "Summary: Fast parsing — in Rust\n"
                + "Requires-Python: >=3.9\n", metadata.render());
    }

    @Test
    void refusesValuesThatWouldBreakTheHeaders() throws InvalidDistributionNameException {
        DistributionName name = DistributionName.of("fastparse");
        assertThrows(IllegalArgumentException.class,
                () -> CoreMetadata.builder(name, "1.2.0").summary("one\nLicense: forged").build());
        assertThrows(IllegalArgumentException.class,
                () -> CoreMetadata.builder(name, "1.2.0").requiresPython(">=3.9\r").build());
        assertThrows(IllegalArgumentException.class,
                () -> CoreMetadata.builder(name, "1.2.0").requiresDist("a\nb").build());
        assertThrows(IllegalArgumentException.class,
                () -> CoreMetadata.builder(name, "1.2.0").projectUrl("x".repeat(33), "https://e.org").build());
    }

    @Test
    void refusesVersionsNotInNormalForm() throws InvalidDistributionNameException {
        DistributionName name = DistributionName.of("fastparse");
        assertThrows(IllegalArgumentException.class, () -> CoreMetadata.of(name, "1.2.0-alpha.1"));
    }
}
