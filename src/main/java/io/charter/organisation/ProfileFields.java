package io.charter.organisation;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.charter.organisation.web.ProfileForm;

/**
 * The profile's fields by name, in the form's order, so that the comparison of two saves, the open
 * questions and the normalisation of a save treat every field alike and a new field cannot be
 * forgotten in one of them.
 */
final class ProfileFields {

	static final String NAME = "name";
	static final String COMPANY_NUMBER = "companyNumber";
	private static final RecordComponent[] COMPONENTS = ProfileForm.class.getRecordComponents();
	static final List<String> NAMES = Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();

	private ProfileFields() {
	}

	static Map<String, String> values(ProfileForm form) {
		Map<String, String> values = new LinkedHashMap<>();
		for (RecordComponent c : COMPONENTS) {
			try {
				values.put(c.getName(), (String) c.getAccessor().invoke(form));
			}
			catch (IllegalAccessException | InvocationTargetException e) {
				throw new IllegalStateException(e);
			}
		}
		return values;
	}

	/** The form as stored: values stripped, blanks null, the company number as its ten digits. */
	static ProfileForm normalised(ProfileForm form) {
		Object[] args = new Object[COMPONENTS.length];
		int i = 0;
		for (Map.Entry<String, String> e : values(form).entrySet()) {
			String value = OrganisationProfile.blankToNull(e.getValue());
			if (COMPANY_NUMBER.equals(e.getKey()) && value != null) {
				value = EnterpriseNumber.parse(value).map(EnterpriseNumber::digits).orElse(value);
			}
			args[i++] = value;
		}
		try {
			Constructor<ProfileForm> canonical = ProfileForm.class.getDeclaredConstructor(
					Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
			return canonical.newInstance(args);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
