package lab.like.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;

/**
 * A request whose body is streamed without a {@code Content-Length}: counts bytes as they pass and fails with
 * {@link PayloadTooLargeException} once the maximum is exceeded, before the rest is read.
 */
public final class SizeLimitedRequest extends ServerHttpRequestDecorator {

    private final long maxBytes;

    public SizeLimitedRequest(ServerHttpRequest delegate, long maxBytes) {
        super(delegate);
        this.maxBytes = maxBytes;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        AtomicLong seen = new AtomicLong();
        return super.getBody().map(buffer -> {
            if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                throw new PayloadTooLargeException(maxBytes);
            }
            return buffer;
        });
    }
}
