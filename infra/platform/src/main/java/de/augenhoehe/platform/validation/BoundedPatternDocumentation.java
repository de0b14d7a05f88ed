package de.augenhoehe.platform.validation;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.core.MethodParameter;

/**
 * Documents {@link BoundedPattern} in the OpenAPI document as {@code pattern}, exactly as springdoc documents
 * {@code @Pattern}: the published contracts stay what they were when the services still used {@code @Pattern}.
 */
public final class BoundedPatternDocumentation implements PropertyCustomizer, ParameterCustomizer {

    @Override
    public Schema customize(Schema property, io.swagger.v3.core.converter.AnnotatedType type) {
        if (property != null && type.getCtxAnnotations() != null) {
            for (Annotation a : type.getCtxAnnotations()) {
                if (a instanceof BoundedPattern bounded) {
                    property.setPattern(bounded.regexp());
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
        }
        if (annotated instanceof AnnotatedParameterizedType generic && generic.getAnnotatedActualTypeArguments().length == 1
                && parameter.getSchema().getItems() != null) {
            BoundedPattern element = generic.getAnnotatedActualTypeArguments()[0].getAnnotation(BoundedPattern.class);
            if (element != null) {
                parameter.getSchema().getItems().setPattern(element.regexp());
            }
        }
        return parameter;
    }
}
