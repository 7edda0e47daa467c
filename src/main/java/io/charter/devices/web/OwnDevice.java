package io.charter.devices.web;

import java.util.List;

/** One of the signed-in person's devices: its checks and the software on it no catalogue entry approves. */
public record OwnDevice(DeviceView device, List<CheckState> checks, List<SoftwareView> unapproved) {
}
