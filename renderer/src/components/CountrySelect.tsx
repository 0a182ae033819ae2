// Nationality and languages pickers: searchable, names in the interface language, accents ignored when
// typing ("cote" finds "Côte d’Avorio"), the ISO code also accepted ("MA").
import { isOptionsGroup, MultiSelect, Select, type ComboboxItem, type MultiSelectProps, type OptionsFilter, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryOptions, foldForSearch, languageOptions } from './intl-names';

const foldingFilter: OptionsFilter = ({ options, search, limit }) => {
  const wanted = foldForSearch(search.trim());
  if (!wanted) return options.slice(0, limit);
  const found = [];
  for (const option of options) {
    if (isOptionsGroup(option)) continue;
    const item = option as ComboboxItem;
    if (foldForSearch(item.label).includes(wanted) || item.value.toLowerCase() === wanted) found.push(item);
    if (found.length >= limit) break;
  }
  return found;
};

type CountrySelectProps = Omit<SelectProps, 'data' | 'searchable' | 'filter'>;

export function CountrySelect(props: CountrySelectProps) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      data={countryOptions(i18n.language)}
      searchable
      clearable
      filter={foldingFilter}
      limit={300}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}

type LanguagesSelectProps = Omit<MultiSelectProps, 'data' | 'searchable' | 'filter'>;

export function LanguagesSelect(props: LanguagesSelectProps) {
  const { t, i18n } = useTranslation();
  return (
    <MultiSelect
      data={languageOptions(i18n.language)}
      searchable
      clearable
      hidePickedOptions
      filter={foldingFilter}
      limit={300}
      nothingFoundMessage={t('common.nothingFound')}
      {...props}
    />
  );
}
