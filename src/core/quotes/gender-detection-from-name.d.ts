// The per-language maps of gender-detection-from-name (lower-case given name → 'male' | 'female').
declare module 'gender-detection-from-name/names/en.js' {
  const names: Map<string, 'male' | 'female'>;
  export default names;
}
declare module 'gender-detection-from-name/names/fr.js' {
  const names: Map<string, 'male' | 'female'>;
  export default names;
}
declare module 'gender-detection-from-name/names/es.js' {
  const names: Map<string, 'male' | 'female'>;
  export default names;
}
declare module 'gender-detection-from-name/names/it.js' {
  const names: Map<string, 'male' | 'female'>;
  export default names;
}
declare module 'gender-detection-from-name/names/de.js' {
  const names: Map<string, 'male' | 'female'>;
  export default names;
}
