import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Asks a MongoDB endpoint (the devstore or a real mongod) for {@code {ping: 1}} over the wire
 * protocol, with no driver on the class path: one OP_MSG out, one back, {@code ok} must be 1.
 * Run by {@code scripts/infra.sh check mongo}.
 *
 * <p>Usage: {@code java MongoPing.java HOST PORT}
 */
public class MongoPing {

    static final int OP_MSG = 2013;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MongoPing HOST PORT");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long started = System.nanoTime();

        byte[] body = command();
        ByteBuffer msg = ByteBuffer.allocate(16 + 4 + 1 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        msg.putInt(msg.capacity()).putInt(1).putInt(0).putInt(OP_MSG); // header
        msg.putInt(0);                                                   // flag bits
        msg.put((byte) 0);                                               // section kind 0: body
        msg.put(body);

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(msg.array());
            out.flush();

            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteBuffer header = read(in, 16);
            int length = header.getInt();
            header.getInt();
            header.getInt();
            int opCode = header.getInt();
            if (opCode != OP_MSG || length < 21 || length > 16 << 20) {
                fail("unexpected reply (opCode " + opCode + ", length " + length + ")");
            }
            ByteBuffer reply = read(in, length - 16);
            reply.getInt();   // flag bits
            reply.get();      // section kind
            Double ok = okField(reply);
            if (ok == null || ok != 1.0) {
                fail("ping answered without ok: 1");
            }
        } catch (IOException e) {
            fail("cannot reach mongodb://" + host + ":" + port + ": " + e.getMessage());
        }
        System.out.printf("mongo: mongodb://%s:%d answered ping in %.0f ms%n",
                host, port, (System.nanoTime() - started) / 1e6);
    }

    /** BSON of {ping: 1, $db: "admin"}. */
    static byte[] command() {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        element(doc, 0x10, "ping");
        writeInt(doc, 1);
        element(doc, 0x02, "$db");
        byte[] db = "admin".getBytes(StandardCharsets.UTF_8);
        writeInt(doc, db.length + 1);
        doc.writeBytes(db);
        doc.write(0);
        doc.write(0); // end of document

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        writeInt(whole, doc.size() + 4);
        whole.writeBytes(doc.toByteArray());
        return whole.toByteArray();
    }

    /** Reads the top-level "ok" of a BSON document (double, int32 or int64), skipping the rest. */
    static Double okField(ByteBuffer b) {
        int start = b.position();
        int end = start + b.getInt() - 1;
        Double ok = null;
        while (b.position() < end) {
            int type = b.get();
            String name = cstring(b);
            switch (type) {
                case 0x01: { double v = b.getDouble(); if (name.equals("ok")) ok = v; break; }
                case 0x10: { int v = b.getInt(); if (name.equals("ok")) ok = (double) v; break; }
                case 0x12: { long v = b.getLong(); if (name.equals("ok")) ok = (double) v; break; }
                case 0x08: { byte v = b.get(); if (name.equals("ok")) ok = v != 0 ? 1.0 : 0.0; break; }
                case 0x02: case 0x0D: case 0x0E: b.position(b.position() + b.getInt()); break;
                case 0x03: case 0x04: { int len = b.getInt(); b.position(b.position() + len - 4); break; }
                case 0x05: { int len = b.getInt(); b.position(b.position() + 1 + len); break; }
                case 0x07: b.position(b.position() + 12); break;
                case 0x09: case 0x11: b.position(b.position() + 8); break;
                case 0x13: b.position(b.position() + 16); break;
                case 0x0A: case (byte) 0xFF: case 0x7F: break;
                default: return ok; // a type this check does not need to understand
            }
        }
        return ok;
    }

    static String cstring(ByteBuffer b) {
        int from = b.position();
        while (b.get() != 0) {
            // advance to the terminating zero
        }
        return new String(b.array(), from, b.position() - from - 1, StandardCharsets.UTF_8);
    }

    static void element(ByteArrayOutputStream out, int type, String name) {
        out.write(type);
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    static ByteBuffer read(InputStream in, int n) throws IOException {
        byte[] bytes = new byte[n];
        new DataInputStream(in).readFully(bytes);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void fail(String message) {
        System.err.println("mongo check failed: " + message);
        System.exit(1);
    }
}
