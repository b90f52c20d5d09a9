package dev.rustwheel.wheel.sbom;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * A wheel's software bill of materials: CycloneDX 1.5 JSON, stored as {@code <dist-info>/sboms/<name>.cyclonedx.json}
 * (PEP 770, where maturin puts its own). The same inputs give the same bytes: the serial number is derived from the
 * content, and the document carries a time only when the build fixed one.
 */
public final class Sbom {

    private static final Version SPEC = Version.VERSION_15;

    private Sbom() {
    }

    /**
     * @param wheel       the root component: the wheel itself
     * @param components  everything it contains or was built from; refs unique
     * @param toolVersion the version of the plugin that writes it
     * @param timestamp   the build's fixed time, if it has one
     */
    public static byte[] render(SbomComponent wheel, List<SbomComponent> components, String toolVersion,
                                Optional<Instant> timestamp) {
        Bom bom = new Bom();
        Metadata metadata = new Metadata();
        metadata.setComponent(component(wheel));
        metadata.setToolChoice(tool(toolVersion));
        metadata.setTimestamp(timestamp.map(Date::from).orElse(null)); // the library's default is the current time
        bom.setMetadata(metadata);
        List<Component> listed = new ArrayList<>();
        List<Dependency> dependencies = new ArrayList<>(List.of(dependency(wheel)));
        for (SbomComponent component : components) {
            listed.add(component(component));
            dependencies.add(dependency(component));
        }
        bom.setComponents(listed);
        bom.setDependencies(dependencies);
        String unnumbered = json(bom);
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(unnumbered.getBytes(StandardCharsets.UTF_8)));
        return json(bom).getBytes(StandardCharsets.UTF_8);
    }

    private static Component component(SbomComponent from) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(from.ref());
        component.setName(from.name());
        component.setVersion(from.version());
        component.setPurl(from.purl());
        component.setScope(from.runtime() ? Component.Scope.REQUIRED : Component.Scope.EXCLUDED);
        if (from.license() != null) {
            LicenseChoice license = new LicenseChoice();
            license.setExpression(new Expression(from.license()));
            component.setLicenses(license);
        }
        if (from.sha256() != null) {
            component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, from.sha256())));
        }
        return component;
    }

    private static Dependency dependency(SbomComponent from) {
        Dependency dependency = new Dependency(from.ref());
        from.dependsOn().forEach(ref -> dependency.addDependency(new Dependency(ref)));
        return dependency;
    }

    private static ToolInformation tool(String version) {
        Component plugin = new Component();
        plugin.setType(Component.Type.APPLICATION);
        plugin.setGroup("dev.rustwheel");
        plugin.setName("rustwheel-maven-plugin");
        plugin.setVersion(version);
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(plugin));
        return tools;
    }

    private static String json(Bom bom) {
        try {
            return BomGeneratorFactory.createJson(SPEC, bom).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("CycloneDX could not serialize the SBOM: " + e.getMessage(), e);
        }
    }
}
