package org.itera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's peak resident set (Linux {@code VmHWM}), in MB. */
public final class PeakMemory {

    private PeakMemory() {
    }

    public static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public static long selfPeakRssMb() {
        return peakRssMb(ProcessHandle.current().pid());
    }
}
