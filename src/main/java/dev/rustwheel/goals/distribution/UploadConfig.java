package dev.rustwheel.goals.distribution;

import dev.rustwheel.index.IndexClient;
import java.nio.file.Path;
import java.util.List;

/**
 * How the {@code upload} goal publishes a module's distributions.
 *
 * @param distributions the wheels and sdist to upload, in order; a file named twice is uploaded once
 * @param repositoryUrl the index's upload URL as configured, checked before anything is read or sent
 * @param serverId      the settings.xml server whose credentials are used, for messages; null when none is
 * @param credentials   null to upload without authentication
 * @param skipExisting  whether files the index already has are only logged
 * @param userAgent     how the plugin names itself to the index
 * @param parameters    how messages name repositoryUrl, repositoryId and skipExisting, with their properties
 */
public record UploadConfig(List<Path> distributions, String repositoryUrl, String serverId,
                           IndexClient.Credentials credentials, boolean skipExisting, String userAgent,
                           IndexClient.Parameters parameters) {

    public UploadConfig {
        distributions = List.copyOf(distributions);
    }
}
