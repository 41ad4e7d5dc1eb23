package org.tcentre.gdpr.evaluation;

import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.Sensor;

/** Fact: a device sensor an activity reads. Located at /activities/i/sensors/k. */
public record ActivitySensor(Activity activity, Sensor sensor) {
}
