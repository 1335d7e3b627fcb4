import type { Prompt } from '@candor/shared';
import { CheckinForm } from './checkin-form';
import type { FormProps } from './form-props';
import { MultipleForm } from './multiple-form';
import { RankingForm } from './ranking-form';
import { ScaleForm } from './scale-form';
import { SingleForm } from './single-form';
import { TextForm } from './text-form';
import { YnmForm } from './ynm-form';

// One form per prompt kind; the key resets a form's draft when the prompt changes.
export function AnswerForm(props: FormProps<Prompt>) {
  const { prompt, ...rest } = props;
  switch (prompt.kind) {
    case 'ynm':
      return <YnmForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'single':
      return <SingleForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'multiple':
      return <MultipleForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'scale':
      return <ScaleForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'ranking':
      return <RankingForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'text':
      return <TextForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'checkin':
      return <CheckinForm key={prompt.id} prompt={prompt} {...rest} />;
  }
}
