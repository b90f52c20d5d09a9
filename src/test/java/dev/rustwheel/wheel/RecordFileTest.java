package dev.rustwheel.wheel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFileTest {

    @Test
    void writesOneRowPerEntryThenItsOwnRowWithoutHash() {
        String record = RecordFile.render(List.of(
                new RecordRow("pkg/__init__.py", "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU", 0),
                new RecordRow("pkg/_native.so", "abc-_", 1234)), "pkg-1.0.dist-info/RECORD");
        assertEquals("pkg/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n"
                + "pkg/_native.so,sha256=abc-_,1234\n"
                + "pkg-1.0.dist-info/RECORD,,\n", record);
    }

    @Test
    void quotesPathsWithCommasOrQuotesAsPythonsCsvModuleDoes() {
        String record = RecordFile.render(List.of(new RecordRow("data/a,b \"c\".txt", "x", 1)), "p.dist-info/RECORD");
        assertEquals("\"data/a,b \"\"c\"\".txt\",sha256=x,1\np.dist-info/RECORD,,\n", record);
    }
}
