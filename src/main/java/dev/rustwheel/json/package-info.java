/**
 * JSON (and TOML, which Jackson reads into the same shapes) through Jackson's streaming API: one shared factory, a
 * reader whose typed reads fail with the JSON path of the bad value, and pretty or compact writing. Warm builds
 * read and write their small files here without Jackson's object mapper, whose set-up and reflective binding cost
 * a JVM more than everything else such a build does. A low package, importing nothing of ours.
 */
package dev.rustwheel.json;
