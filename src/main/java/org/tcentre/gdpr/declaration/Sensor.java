package org.tcentre.gdpr.declaration;

/**
 * A device sensor the activity reads, such as "microphone", "camera" or "location".
 *
 * @param background the sensor is read while the user is not actively using the feature
 * @param indicator  an in-context indicator shows the user while it happens
 */
public record Sensor(String type, boolean background, boolean indicator) {
}
