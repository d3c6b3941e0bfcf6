// The active theme for every view below the app.
import { createContext, useContext } from 'react';
import type { Theme } from '../theme/theme';

export const ThemeContext = createContext<Theme | null>(null);

export function useTheme(): Theme {
	const theme = useContext(ThemeContext);
	if (!theme) throw new Error('views need a ThemeContext');
	return theme;
}
