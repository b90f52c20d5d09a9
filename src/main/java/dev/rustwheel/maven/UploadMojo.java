package dev.rustwheel.maven;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.goals.distribution.UploadConfig;
import dev.rustwheel.goals.distribution.UploadStep;
import dev.rustwheel.index.IndexClient;
import dev.rustwheel.maven.parameters.PropertyNames;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Uploads the module's wheels, and its sdist when one was built, to a Python package index (PyPI, devpi, Nexus,
 * Artifactory) with the legacy upload API, as twine does. Bound to {@code deploy} by the {@code wheel} packaging, where
 * it does nothing unless {@code repositoryUrl} is set; also callable as {@code rustwheel:upload} after
 * {@code package}.
 */
@Mojo(name = "upload", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class UploadMojo extends AbstractRustwheelMojo {

    /**
     * The index's upload URL, for example {@code https://upload.pypi.org/legacy/}. Unset, the goal does nothing.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.REPOSITORY_URL)
    private String repositoryUrl;

    /**
     * The id of the {@code server} entry in settings.xml holding the index's username and password (encrypted
     * passwords are decrypted as Maven decrypts them). Unset, the upload is sent without credentials.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.REPOSITORY_ID)
    private String repositoryId;

    /**
     * Whether a file the index already has is only logged instead of failing the build, as twine's
     * {@code --skip-existing}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.SKIP_EXISTING, defaultValue = "false")
    private boolean skipExisting;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final SettingsDecrypter decrypter;

    @Inject
    public UploadMojo(MavenProject project, MavenSession session, SettingsDecrypter decrypter) {
        super(project, session);
        this.decrypter = decrypter;
    }

    @Override
    protected String goal() {
        return "upload";
    }

    @Override
    protected void run(BuildLog log) throws BuildException {
        if (blankToNull(repositoryUrl) == null) {
            log.info("No repositoryUrl (property " + PropertyNames.REPOSITORY_URL + ") is set: nothing is uploaded");
            return;
        }
        new UploadStep(log).run(new UploadConfig(distributions(), repositoryUrl, blankToNull(repositoryId),
                credentials(), skipExisting, "rustwheel/" + plugin.getVersion() + " (Java "
                + System.getProperty("java.version") + ")", new IndexClient.Parameters(
                PropertyNames.parameter("repositoryUrl", PropertyNames.REPOSITORY_URL),
                PropertyNames.parameter("repositoryId", PropertyNames.REPOSITORY_ID),
                PropertyNames.parameter("skipExisting", PropertyNames.SKIP_EXISTING))));
    }

    /** The main artifact when it is a wheel, every attached wheel, and the sdist the sdist goal attached. */
    private List<Path> distributions() {
        List<Path> files = new ArrayList<>();
        addIfDistribution(project.getArtifact(), files);
        project.getAttachedArtifacts().forEach(a -> addIfDistribution(a, files));
        return files;
    }

    private static void addIfDistribution(Artifact artifact, List<Path> files) {
        File file = artifact.getFile();
        if (file == null) {
            return;
        }
        String name = file.getName();
        if (name.endsWith(".whl") || ("sdist".equals(artifact.getClassifier()) && name.endsWith(".tar.gz"))) {
            files.add(file.toPath());
        }
    }

    /** The decrypted credentials of server {@code repositoryId}; checked before anything is read or sent. */
    private IndexClient.Credentials credentials() throws BuildException {
        String id = blankToNull(repositoryId);
        if (id == null) {
            return null;
        }
        Server server = settings.getServer(id);
        if (server == null) {
            throw BuildException.userError("repositoryId (property " + PropertyNames.REPOSITORY_ID + ") names server '"
                    + id + "', but settings.xml has no <server> with that id (it has " + settings.getServers().stream()
                    .map(Server::getId).toList() + "). Add <server><id>" + id + "</id><username>…</username>"
                    + "<password>…</password></server> to ~/.m2/settings.xml, or fix the id.", null);
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw BuildException.userError("Cannot decrypt the password of server '" + id + "' in settings.xml: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml, or store the password"
                        + " unencrypted.", null);
            }
        }
        Server decrypted = result.getServer();
        if (decrypted.getUsername() == null || decrypted.getPassword() == null) {
            throw BuildException.userError("Server '" + id + "' in settings.xml has no " + (decrypted.getUsername()
                    == null ? "<username>" : "<password>") + "; the index needs both (on PyPI: <username>__token__"
                    + "</username> and an API token as <password>).", null);
        }
        return new IndexClient.Credentials(decrypted.getUsername(), decrypted.getPassword());
    }
}
