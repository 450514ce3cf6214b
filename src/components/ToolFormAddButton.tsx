import { TranslatableString, type IconButtonProps } from '@rjsf/utils';

/**
 * rjsf's "add an array item" button with a visible, translated label ("+ Add item") instead of
 * the icon-only default, which is easy to miss.
 */
export function ToolFormAddButton({ id, className, onClick, disabled, registry }: IconButtonProps<Record<string, unknown>>) {
  return (
    <p className="tool-form-add">
      <button type="button" id={id} className={`btn tool-form-add-button ${className ?? ''}`} onClick={onClick} disabled={disabled}>
        <span aria-hidden="true">+</span>
        {registry.translateString(TranslatableString.AddItemButton)}
      </button>
    </p>
  );
}
