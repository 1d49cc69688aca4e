import io.javalin.openapi.experimental.OpenApiAnnotationProcessorConfiguration
import io.javalin.openapi.experimental.OpenApiAnnotationProcessorConfigurer
import io.javalin.openapi.experimental.SimpleType

// Read by javalin-openapi's annotation processor while seedreset-server compiles (it looks for
// src/main/compile/openapi.groovy beside src/main/java): corrections of how it describes Java types,
// so that the description says what core's JSON dialect (SeedResetJson) writes.
class OpenApiConfiguration implements OpenApiAnnotationProcessorConfigurer {

    @Override
    void configure(OpenApiAnnotationProcessorConfiguration configuration) {
        // Money and other decimals: the dialect writes a BigDecimal as a plain JSON number (1500.00), where the
        // processor would say "string".
        configuration.simpleTypeMappings['java.math.BigDecimal'] = new SimpleType('number')
    }
}
