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
    void rendersOptionalFieldsInOneOrderWhateverOrderTheyWereSet() throws InvalidDistributionNameException {
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
    void rendersEveryFieldInMaturinsOrderSoBothToolsWriteTheSameFile() throws InvalidDistributionNameException {
        // the order and spelling of maturin 1.15's METADATA for its test crate pyo3-pure, plus the fields it lacks
        CoreMetadata metadata = CoreMetadata.builder(DistributionName.of("pyo3_pure"), "0.1.0+abc123de")
                .description("# Get fourtytwo\n", "text/markdown; charset=UTF-8; variant=GFM")
                .projectUrl("Source Code", "https://example.org/src")
                .license("MIT")
                .licenseExpression("MIT")
                .maintainerEmail("messense <messense@icloud.com>")
                .authorEmail("konstin <konstin@mailbox.org>")
                .author("konstin <konstin@mailbox.org>")
                .homePage("https://example.org")
                .keywords(java.util.List.of("a", "b"))
                .summary("Implements a dummy function in Rust")
                .requiresPython(">=3.9")
                .licenseFile("LICENSE")
                .providesExtra("test")
                .requiresDist("attrs ; extra == 'test'")
                .classifiers(java.util.List.of("Programming Language :: Rust"))
                .build();
        assertEquals("""
                Metadata-Version: 2.4
                Name: pyo3_pure
                Version: 0.1.0+abc123de
                Classifier: Programming Language :: Rust
                Requires-Dist: attrs ; extra == 'test'
                Provides-Extra: test
                License-File: LICENSE
                Summary: Implements a dummy function in Rust
                Keywords: a,b
                Home-Page: https://example.org
                Author: konstin <konstin@mailbox.org>
                Author-email: konstin <konstin@mailbox.org>
                Maintainer-email: messense <messense@icloud.com>
                License-Expression: MIT
                License: MIT
                Requires-Python: >=3.9
                Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM
                Project-URL: Source Code, https://example.org/src

                # Get fourtytwo

                """, metadata.render());
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
