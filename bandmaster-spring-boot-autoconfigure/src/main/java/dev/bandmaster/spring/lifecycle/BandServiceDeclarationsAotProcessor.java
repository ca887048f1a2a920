package dev.bandmaster.spring.lifecycle;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.CodeBlock;

/**
 * Keeps, in the bean definitions Spring AOT generates, the name of the service that a
 * registration's definition declares ({@link BandServiceDeclarations}): when the
 * generated context creates a held bean, its {@link ServiceHold} finds the service by
 * that name. AOT copies no attribute it is not told to; the held beans' detector, used
 * only before any bean is created, is left out. Registered in
 * {@code META-INF/spring/aot.factories}; used at build time only. Stateless, hence
 * thread-safe.
 */
final class BandServiceDeclarationsAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (BandServiceDeclarations.serviceName(registeredBean.getMergedBeanDefinition()) == null) {
			return null;
		}
		return BeanRegistrationAotContribution
			.withCustomCodeFragments((fragments) -> new BeanRegistrationCodeFragmentsDecorator(fragments) {

				@Override
				public CodeBlock generateSetBeanDefinitionPropertiesCode(GenerationContext generationContext,
						BeanRegistrationCode beanRegistrationCode, RootBeanDefinition beanDefinition,
						Predicate<String> attributeFilter) {
					return super.generateSetBeanDefinitionPropertiesCode(generationContext, beanRegistrationCode,
							beanDefinition, attributeFilter.or(BandServiceDeclarations::isServiceNameAttribute));
				}

			});
	}

}
