package io.ledgerline.query.web;

import io.ledgerline.domain.shared.InvalidValueException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses query parameters an endpoint does not know. A misspelt filter ({@code ?stauts=PLACED})
 * would otherwise be ignored silently and return everything, which a report must never do.
 */
public class UnknownParameterInterceptor implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> known = Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(UnknownParameterInterceptor::name)
                .collect(Collectors.toSet());
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw new InvalidValueException(name, "Unknown query parameter '" + name + "'; this endpoint accepts "
                        + known.stream().sorted().toList());
            }
        }
        return true;
    }

    private static String name(MethodParameter parameter) {
        parameter.initParameterNameDiscovery(NAMES);
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        String name = annotation == null ? "" : annotation.name();
        return name.isEmpty() ? parameter.getParameterName() : name;
    }
}
