/**
 * Overlays: the edits a repair makes to a file, kept apart from the file. The lowest package, importing
 * nothing of ours, so that the patchers ({@code binary.*}) that produce overlays, the manifest ({@code staging})
 * that persists them and the wheel writer ({@code wheel}) that applies them all see one value type.
 */
package dev.rustwheel.overlay;
