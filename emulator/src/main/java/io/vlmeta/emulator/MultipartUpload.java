package io.vlmeta.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * Commons FileUpload over the JDK's {@link HttpExchange}. Only the streaming iterator is used: parts
 * are read straight from the request, never stored; the two whole-request methods exist because the
 * base class requires them.
 */
final class MultipartUpload extends AbstractFileUpload<HttpExchange, DiskFileItem, DiskFileItemFactory> {

    MultipartUpload() {
        setHeaderCharset(StandardCharsets.UTF_8);
    }

    @Override
    public FileItemInputIterator getItemIterator(HttpExchange exchange) throws FileUploadException, IOException {
        return getItemIterator(context(exchange));
    }

    @Override
    public Map<String, List<DiskFileItem>> parseParameterMap(HttpExchange exchange) throws FileUploadException {
        return parseParameterMap(context(exchange));
    }

    @Override
    public List<DiskFileItem> parseRequest(HttpExchange exchange) throws FileUploadException {
        return parseRequest(context(exchange));
    }

    private static RequestContext context(HttpExchange exchange) {
        return new RequestContext() {
            @Override
            public String getCharacterEncoding() {
                return StandardCharsets.UTF_8.name();
            }

            @Override
            public long getContentLength() {
                String length = exchange.getRequestHeaders().getFirst("Content-Length");
                try {
                    return length == null ? -1 : Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }

            @Override
            public String getContentType() {
                return exchange.getRequestHeaders().getFirst("Content-Type");
            }

            @Override
            public InputStream getInputStream() {
                return exchange.getRequestBody();
            }

            /** RFC 2387 {@code multipart/related}, whose parts FileUpload 2.0.0-M5 reads by its own rule */
            @Override
            public boolean isMultipartRelated() {
                String type = getContentType();
                return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/related");
            }
        };
    }
}
