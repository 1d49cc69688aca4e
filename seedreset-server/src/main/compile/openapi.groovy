import groovy.transform.CompileStatic
import io.javalin.openapi.experimental.ExperimentalCompileOpenApiConfiguration
import io.javalin.openapi.experimental.OpenApiAnnotationProcessorConfiguration
import io.javalin.openapi.experimental.OpenApiAnnotationProcessorConfigurer
import io.javalin.openapi.experimental.SimpleType

/**
 * The API description's annotation processor reads this file while seedreset-server compiles (javalin-openapi's
 * compile-time configuration). Core's JSON dialect writes a BigDecimal (money, ratios) as a plain JSON number,
 * 149.50, where the processor would describe a string: the description says what the server writes.
 */
@CompileStatic
@ExperimentalCompileOpenApiConfiguration
class OpenApiConfiguration implements OpenApiAnnotationProcessorConfigurer {

    @Override
    void configure(OpenApiAnnotationProcessorConfiguration configuration) {
        configuration.simpleTypeMappings['java.math.BigDecimal'] = new SimpleType('number')
    }
}
