package io.ledgerline.query.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Streams rows as CSV with a header line, in constant memory, for reporting tools. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Csv() {
    }

    /** Writes the rows produced by {@code source} (which hands a stream to the callback) as a CSV attachment. */
    public static <T> void write(HttpServletResponse response, String fileName, Class<T> rowType,
                                 Consumer<Consumer<Stream<T>>> source) throws IOException {
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"");
        CsvSchema schema = MAPPER.schemaFor(rowType).withHeader();
        try (SequenceWriter writer = MAPPER.writer(schema).writeValues(response.getOutputStream())) {
            source.accept(rows -> rows.forEach(row -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }
}
