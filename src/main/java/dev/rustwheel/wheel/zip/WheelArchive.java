package dev.rustwheel.wheel.zip;

import dev.rustwheel.python.DistributionName;
import dev.rustwheel.python.InvalidDistributionNameException;
import dev.rustwheel.wheel.InvalidWheelException;
import dev.rustwheel.wheel.WheelTag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a built wheel says about itself in its {@code .dist-info} directory: the distribution, version, build tag,
 * compatibility tags and extras. The file name a wheel arrives under (a Maven repository names it
 * {@code ffi-1.0.0-20261130.090658-1.whl}) is never trusted; {@link #fileName()} recovers the PEP 427 one.
 *
 * @param distribution the {@code Name:} of {@code METADATA}
 * @param version      the {@code Version:} of {@code METADATA}
 * @param build        the {@code Build:} of {@code WHEEL}, if any
 * @param tags         the {@code Tag:} lines of {@code WHEEL}, in their order
 * @param extras       the {@code Provides-Extra:} lines of {@code METADATA}
 */
public record WheelArchive(DistributionName distribution, String version, Optional<String> build, List<WheelTag> tags,
                           Set<String> extras) {

    public WheelArchive {
        tags = List.copyOf(tags);
        extras = Set.copyOf(extras);
    }

    /** @throws InvalidWheelException when the file is no zip, or holds no single {@code .dist-info} with both files */
    public static WheelArchive read(Path wheel) throws IOException, InvalidWheelException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            String distInfo = distInfoDirectory(wheel, zip);
            List<String> wheelFile = lines(wheel, zip, distInfo + "/WHEEL");
            List<String> metadata = lines(wheel, zip, distInfo + "/METADATA");
            List<WheelTag> tags = new ArrayList<>();
            for (String value : values(wheelFile, "Tag")) {
                String[] parts = value.split("-");
                if (parts.length != 3) {
                    throw new InvalidWheelException(wheel, distInfo + "/WHEEL has a malformed Tag line '" + value + "'");
                }
                tags.add(new WheelTag(parts[0], parts[1], parts[2]));
            }
            if (tags.isEmpty()) {
                throw new InvalidWheelException(wheel, distInfo + "/WHEEL has no Tag line");
            }
            String name = single(wheel, metadata, distInfo + "/METADATA", "Name");
            String version = single(wheel, metadata, distInfo + "/METADATA", "Version");
            List<String> build = values(wheelFile, "Build");
            return new WheelArchive(DistributionName.of(name), version, build.stream().findFirst(), tags,
                    new LinkedHashSet<>(values(metadata, "Provides-Extra")));
        } catch (ZipException e) {
            throw new InvalidWheelException(wheel, "it is not a zip archive (" + e.getMessage() + ")");
        } catch (InvalidDistributionNameException | IllegalArgumentException e) {
            throw new InvalidWheelException(wheel, e.getMessage());
        }
    }

    /**
     * The PEP 427 file name: {@code {distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl}, the
     * {@code Tag:} lines compressed into one tag set per component, each in the order first seen.
     */
    public String fileName() {
        Set<String> python = new LinkedHashSet<>();
        Set<String> abi = new LinkedHashSet<>();
        Set<String> platform = new LinkedHashSet<>();
        for (WheelTag tag : tags) {
            python.add(tag.python());
            abi.add(tag.abi());
            platform.add(tag.platform());
        }
        return distribution.wheelEscaped() + "-" + version.replace('-', '_')
                + build.map(b -> "-" + b.replace('-', '_')).orElse("")
                + "-" + String.join(".", python) + "-" + String.join(".", abi) + "-" + String.join(".", platform)
                + ".whl";
    }

    private static String distInfoDirectory(Path wheel, ZipFile zip) throws InvalidWheelException {
        Set<String> found = new LinkedHashSet<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(0, slash).endsWith(".dist-info")) {
                found.add(name.substring(0, slash));
            }
        }
        if (found.size() != 1) {
            throw new InvalidWheelException(wheel, found.isEmpty() ? "it has no .dist-info directory"
                    : "it has several .dist-info directories " + found);
        }
        return found.iterator().next();
    }

    private static List<String> lines(Path wheel, ZipFile zip, String path) throws IOException, InvalidWheelException {
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
            throw new InvalidWheelException(wheel, "it has no " + path);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // the headers end at the first empty line; a description body may follow
            int body = text.replace("\r\n", "\n").indexOf("\n\n");
            return (body < 0 ? text : text.substring(0, body)).lines().toList();
        }
    }

    private static List<String> values(List<String> headers, String field) {
        String prefix = field.toLowerCase(Locale.ROOT) + ":";
        return headers.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(l -> l.substring(prefix.length()).trim()).toList();
    }

    private static String single(Path wheel, List<String> headers, String file, String field)
            throws InvalidWheelException {
        List<String> found = values(headers, field);
        if (found.size() != 1 || found.get(0).isEmpty()) {
            throw new InvalidWheelException(wheel, file + " has " + found.size() + " '" + field + ":' fields, not one");
        }
        return found.get(0);
    }
}
