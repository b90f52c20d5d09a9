package dev.rustwheel.wheel.zip;

/**
 * The outcome of {@link WheelWriter#update}.
 *
 * @param wheel     what the wheel file now holds
 * @param reused    how many entries were copied compressed from the previous wheel rather than written again
 * @param untouched whether nothing changed, so the wheel file was left as it was
 */
public record WheelUpdate(PackedWheel wheel, int reused, boolean untouched) {
}
