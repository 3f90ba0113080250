package io.vlmeta.emulator;

import java.nio.charset.StandardCharsets;

/** The pages a reverse proxy (nginx, the usual one in front of such servers) answers when its upstream fails. */
final class GatewayPages {
    /** nginx's {@code 502 Bad Gateway} page, byte for byte; served as {@code text/html}. */
    static final byte[] BAD_GATEWAY_HTML = ("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private GatewayPages() {
    }
}
