package de.augenhoehe.platform.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.util.Iterator;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.MethodParameter;

/**
 * Documents {@link BoundedPattern} in the OpenAPI document as {@code pattern}, as springdoc documents
 * {@code @Pattern}, and its {@code max} as {@code maxLength}: the limit the validator enforces first, published from
 * the same annotation (issue #16, OWASP API4).
 * A property's own annotation arrives with the property; one on a type argument ({@code List<@BoundedPattern
 * String>}) only with the class that declares the field, so the class's model is completed after it is resolved.
 */
public final class BoundedPatternDocumentation implements PropertyCustomizer, ParameterCustomizer, ModelConverter {

    @Override
    public Schema resolve(io.swagger.v3.core.converter.AnnotatedType type, ModelConverterContext context,
            Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        Schema model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null || raw.getName().startsWith("java.")) {
            return schema;
        }
        for (Field field : raw.getDeclaredFields()) {
            BoundedPattern element = elementConstraint(field.getAnnotatedType());
            Schema property = (Schema) model.getProperties().get(field.getName());
            if (element != null && property != null && property.getItems() != null) {
                property.getItems().setPattern(element.regexp());
                property.getItems().setMaxLength(element.max());
            }
        }
        return schema;
    }

    @Override
    public Schema customize(Schema property, io.swagger.v3.core.converter.AnnotatedType type) {
        if (property != null && type.getCtxAnnotations() != null) {
            for (Annotation a : type.getCtxAnnotations()) {
                if (a instanceof BoundedPattern bounded) {
                    property.setPattern(bounded.regexp());
                    property.setMaxLength(bounded.max());
                }
            }
        }
        return property;
    }

    @Override
    public Parameter customize(Parameter parameter, MethodParameter method) {
        if (parameter == null || parameter.getSchema() == null || method.getParameter() == null) {
            return parameter;
        }
        AnnotatedType annotated = method.getParameter().getAnnotatedType();
        BoundedPattern direct = annotated.getAnnotation(BoundedPattern.class);
        if (direct == null) {
            direct = method.getParameterAnnotation(BoundedPattern.class);
        }
        if (direct != null) {
            parameter.getSchema().setPattern(direct.regexp());
            parameter.getSchema().setMaxLength(direct.max());
        }
        BoundedPattern element = elementConstraint(annotated);
        if (element != null && parameter.getSchema().getItems() != null) {
            parameter.getSchema().getItems().setPattern(element.regexp());
            parameter.getSchema().getItems().setMaxLength(element.max());
        }
        return parameter;
    }

    /** The constraint on the element type of a {@code List<@BoundedPattern String>}, or null. */
    private static BoundedPattern elementConstraint(AnnotatedType type) {
        return type instanceof AnnotatedParameterizedType generic && generic.getAnnotatedActualTypeArguments().length == 1
                ? generic.getAnnotatedActualTypeArguments()[0].getAnnotation(BoundedPattern.class) : null;
    }
}
