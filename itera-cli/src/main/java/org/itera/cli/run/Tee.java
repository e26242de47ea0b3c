package org.itera.cli.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A print stream that writes to the console and to a file (a run's saved summary). */
public final class Tee extends OutputStream {

    private final OutputStream console;
    private final OutputStream file;

    private Tee(OutputStream console, OutputStream file) {
        this.console = console;
        this.file = file;
    }

    /** Appends to {@code path}. Close the stream to close the file (the console stays open). */
    public static PrintStream of(PrintStream console, Path path) throws IOException {
        return new PrintStream(new Tee(console, new FileOutputStream(path.toFile(), true)), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        console.write(b);
        file.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        console.write(bytes, offset, length);
        file.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        console.flush();
        file.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        file.close();
    }
}
