package se.samsyn.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * No API answer carries {@code Infinity} or {@code NaN}: JSON has no such numbers, and Jackson
 * would otherwise write them as the strings {@code "Infinity"} and {@code "NaN"}, which clients
 * read as text or fail on. The application's JSON mapper (Spring Boot registers every
 * {@link JacksonModule} bean with it) writes a non-finite {@code double}, {@code Double},
 * {@code float} or {@code Float}, alone, as a property, in a collection or map, or in a
 * {@code double[]} or {@code float[]}, as {@code null}, which the API documents as "no value".
 * Sources that can compute such a value refuse or drop it first where they can; this is the last
 * guard (issue "Nothing lost": "no API answer ever carries Infinity or NaN").
 */
@Configuration(proxyBeanMethods = false)
class FiniteNumbers {

    /** The module, as a bean so that Spring Boot adds it to the application's JSON mapper. */
    @Bean
    JacksonModule finiteNumbersModule() {
        return module();
    }

    /** A Jackson module writing every non-finite floating-point number as {@code null}. */
    public static JacksonModule module() {
        SimpleModule module = new SimpleModule("finite-numbers");
        DoubleWriter doubles = new DoubleWriter();
        module.addSerializer(Double.class, doubles);
        module.addSerializer(Double.TYPE, doubles);
        FloatWriter floats = new FloatWriter();
        module.addSerializer(Float.class, floats);
        module.addSerializer(Float.TYPE, floats);
        module.addSerializer(double[].class, new DoubleArrayWriter());
        module.addSerializer(float[].class, new FloatArrayWriter());
        return module;
    }

    private static final class DoubleWriter extends StdSerializer<Double> {
        DoubleWriter() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializationContext context) {
            write(value, gen);
        }
    }

    private static final class FloatWriter extends StdSerializer<Float> {
        FloatWriter() {
            super(Float.class);
        }

        @Override
        public void serialize(Float value, JsonGenerator gen, SerializationContext context) {
            if (Float.isFinite(value)) {
                gen.writeNumber(value);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class DoubleArrayWriter extends StdSerializer<double[]> {
        DoubleArrayWriter() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator gen, SerializationContext context) {
            gen.writeStartArray(values, values.length);
            for (double value : values) {
                write(value, gen);
            }
            gen.writeEndArray();
        }
    }

    private static final class FloatArrayWriter extends StdSerializer<float[]> {
        FloatArrayWriter() {
            super(float[].class);
        }

        @Override
        public void serialize(float[] values, JsonGenerator gen, SerializationContext context) {
            gen.writeStartArray(values, values.length);
            for (float value : values) {
                if (Float.isFinite(value)) {
                    gen.writeNumber(value);
                } else {
                    gen.writeNull();
                }
            }
            gen.writeEndArray();
        }
    }

    private static void write(double value, JsonGenerator gen) {
        if (Double.isFinite(value)) {
            gen.writeNumber(value);
        } else {
            gen.writeNull();
        }
    }
}
