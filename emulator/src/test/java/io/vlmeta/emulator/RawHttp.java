package io.vlmeta.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends a request over a plain socket, to cut its body off mid-way as a dying client would. */
final class RawHttp {
    private RawHttp() {
    }

    /**
     * Posts a multipart upload that promises its whole length but sends only {@code sent} bytes of the
     * body, then closes its sending half and reads whatever the server answers.
     *
     * @return the server's answer as text, empty when it answered nothing
     */
    static String postCutOff(int port, String path, byte[] body, int sent) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + ApiClient.BOUNDARY + "\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException e) {
                // a reset after the answer: what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
