package dev.rustwheel.goals.distribution;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.index.IndexClient;
import dev.rustwheel.index.UploadException;
import dev.rustwheel.index.UploadForm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code upload} goal: publishes the module's wheels (and sdist) to a Python package index. Every file is read
 * and checked before the first one is sent, so a bad file leaves the index untouched; each file is sent once.
 */
public final class UploadStep {

    /** Four tries with 1, 2 and 4 seconds between them, as long as an index typically takes to come back. */
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private final BuildLog log;

    public UploadStep(BuildLog log) {
        this.log = log;
    }

    public void run(UploadConfig config) throws BuildException {
        try {
            URI url = IndexClient.url(config.repositoryUrl(), config.parameters().repositoryUrl());
            List<UploadForm> forms = new ArrayList<>();
            for (Path file : distinct(config.distributions())) {
                forms.add(UploadForm.of(file));
            }
            if (forms.isEmpty()) {
                throw BuildException.userError("Nothing to upload: this module attached no wheel or sdist. Run the"
                        + " package goal first (mvn deploy, or mvn package rustwheel:upload).", null);
            }
            IndexClient client = new IndexClient(new IndexClient.Target(url, config.serverId(), config.credentials(),
                    ATTEMPTS, FIRST_WAIT, config.parameters()), config.userAgent(), log::warn);
            for (UploadForm form : forms) {
                log.info("Uploading " + form.file().getFileName() + " to " + url
                        + (config.serverId() == null ? "" : " as server '" + config.serverId() + "'"));
                if (client.upload(form, config.skipExisting()) == IndexClient.Outcome.UPLOADED) {
                    log.info("Uploaded " + form.file().getFileName());
                }
            }
        } catch (UploadException e) {
            throw BuildException.userError(e.getMessage(), e);
        }
    }

    private static Set<Path> distinct(List<Path> files) throws UploadException {
        Set<Path> distinct = new LinkedHashSet<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UploadException("Cannot upload " + file + ": there is no such file. Run the package goal in"
                        + " the same build, before upload.", null);
            }
            distinct.add(file.toAbsolutePath().normalize());
        }
        return distinct;
    }
}
